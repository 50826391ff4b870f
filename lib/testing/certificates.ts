import forge from "node-forge";

// Test-only: a throwaway certificate authority and the leaf certificates the TLS tests need,
// generated in memory. Key generation is the slow part, so one CA key and one leaf key serve
// every certificate and the whole set is built once per test file.

export type KeyPair = { key: string; cert: string };

export type TestCertificates = {
  /** The test CA's certificate (PEM): trust it through SSL_CERT_FILE / SSL_CERT_DIR. */
  caCert: string;
  /** Valid for `localhost` and 127.0.0.1, signed by the test CA. */
  localhost: KeyPair;
  /** Signed by the test CA for `localhost`, valid for 3 more days (the expiry alert's tests). */
  expiringSoon: KeyPair;
  /** Signed by the test CA for `localhost`, but expired yesterday. */
  expired: KeyPair;
  /** A leaf for `localhost` that signs itself. */
  selfSigned: KeyPair;
  /** Signed by the test CA, valid, but for `wrong.example` only. */
  wrongHost: KeyPair;
};

let cached: TestCertificates | undefined;

export function getTestCertificates(): TestCertificates {
  cached ??= generateTestCertificates();
  return cached;
}

function generateTestCertificates(): TestCertificates {
  const caKeys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const leafKeys = forge.pki.rsa.generateKeyPair({ bits: 2048 });
  const caName = [{ name: "commonName", value: "NovaVMS Test CA" }];
  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();

  const ca = buildCertificate({
    subject: caName,
    issuer: caName,
    publicKey: caKeys.publicKey,
    signingKey: caKeys.privateKey,
    notBefore: new Date(now - day),
    notAfter: new Date(now + 30 * day),
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    ],
  });

  const leaf = (hostNames: string[], options: { notBefore: Date; notAfter: Date; selfSigned?: boolean }) => {
    const subject = [{ name: "commonName", value: hostNames[0] }];
    const cert = buildCertificate({
      subject,
      issuer: options.selfSigned ? subject : caName,
      publicKey: leafKeys.publicKey,
      signingKey: options.selfSigned ? leafKeys.privateKey : caKeys.privateKey,
      notBefore: options.notBefore,
      notAfter: options.notAfter,
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        { name: "subjectAltName", altNames: hostNames.map(toAltName) },
      ],
    });
    return { key: forge.pki.privateKeyToPem(leafKeys.privateKey), cert: forge.pki.certificateToPem(cert) };
  };

  const valid = { notBefore: new Date(now - day), notAfter: new Date(now + 30 * day) };
  return {
    caCert: forge.pki.certificateToPem(ca),
    localhost: leaf(["localhost", "127.0.0.1"], valid),
    expiringSoon: leaf(["localhost", "127.0.0.1"], {
      notBefore: new Date(now - day),
      notAfter: new Date(now + 3 * day),
    }),
    expired: leaf(["localhost", "127.0.0.1"], { notBefore: new Date(now - 10 * day), notAfter: new Date(now - day) }),
    selfSigned: leaf(["localhost", "127.0.0.1"], { ...valid, selfSigned: true }),
    wrongHost: leaf(["wrong.example"], valid),
  };
}

let serial = 1;

function buildCertificate(spec: {
  subject: forge.pki.CertificateField[];
  issuer: forge.pki.CertificateField[];
  publicKey: forge.pki.rsa.PublicKey;
  signingKey: forge.pki.rsa.PrivateKey;
  notBefore: Date;
  notAfter: Date;
  extensions: object[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = spec.publicKey;
  // Distinct positive serials: OpenSSL refuses a chain where issuer and leaf collide.
  cert.serialNumber = (0x1000 + serial++).toString(16).padStart(4, "0");
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  cert.setSubject(spec.subject);
  cert.setIssuer(spec.issuer);
  cert.setExtensions(spec.extensions);
  cert.sign(spec.signingKey, forge.md.sha256.create());
  return cert;
}

function toAltName(name: string): { type: number; value?: string; ip?: string } {
  // 7 = iPAddress, 2 = dNSName (RFC 5280 GeneralName tags).
  return /^[\d.]+$/.test(name) ? { type: 7, ip: name } : { type: 2, value: name };
}
