import dns from "node:dns";
import net from "node:net";
import { classifyError } from "../transport/classify";
import { checkLiteralHost, classifyAddress, type Resolver } from "../transport/ssrf";
import { failedStep } from "./advice";
import type { CheckStep } from "./types";

export type DnsOutcome = { step: CheckStep; address: string | null };

/**
 * Step 1: every address the host name resolves to, each judged by the SSRF guard exactly as a
 * delivery's connection would be. The first address is the one connected to next.
 */
export async function checkDns(
  hostname: string,
  options: { resolve?: Resolver; allowPrivateNetworks: boolean; timeoutMs: number; port: number },
): Promise<DnsOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const literal = hostname.replace(/^\[|\]$/g, "");
  let answers: dns.LookupAddress[];
  if (net.isIP(literal)) {
    answers = [{ address: literal, family: net.isIP(literal) }];
  } else {
    try {
      answers = await resolveAll(hostname, options.resolve ?? dns.lookup, options.timeoutMs);
    } catch (error) {
      const failure = classifyError(error, { hostname, port: options.port, timeoutMs: options.timeoutMs });
      const reason = failure.reason === "timeout" ? "dns" : failure.reason;
      const cause =
        failure.reason === "timeout" ? `The host name ${hostname} did not resolve in time.` : failure.message;
      return {
        step: failedStep({ name: "dns", duration_ms: elapsed(), detail: { hostname } }, reason, cause),
        address: null,
      };
    }
  }

  const addresses = answers.map(({ address, family }) => {
    const verdict = classifyAddress(address);
    const allowed = verdict.allowed || options.allowPrivateNetworks;
    return { address, family, allowed, ...(verdict.allowed ? {} : { range: verdict.kind }) };
  });
  const detail = { hostname, addresses, private_networks_allowed: options.allowPrivateNetworks };
  const refused = addresses.find((entry) => !entry.allowed);
  if (refused) {
    const cause = `${hostname} resolves to ${refused.address}: ${checkLiteralHost(refused.address)}`;
    return {
      step: failedStep({ name: "dns", duration_ms: elapsed(), detail }, "destination_blocked", cause),
      address: null,
    };
  }
  return { step: { name: "dns", status: "ok", duration_ms: elapsed(), detail }, address: addresses[0].address };
}

function resolveAll(hostname: string, resolve: Resolver, timeoutMs: number): Promise<dns.LookupAddress[]> {
  return new Promise((fulfil, reject) => {
    const timer = setTimeout(
      () => reject(Object.assign(new Error(`DNS lookup of ${hostname} timed out`), { code: "EAI_AGAIN" })),
      timeoutMs,
    );
    resolve(hostname, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) return reject(error);
      if (addresses.length === 0)
        return reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }));
      fulfil(addresses);
    });
  });
}
