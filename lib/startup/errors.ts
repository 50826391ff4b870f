import { ConfigError } from "../config";
import { DataDirInUseError } from "../db/embedded";
import { MigrationChangedError, MigrationFailedError } from "../db/migrate";
import { DatabaseUnreachableError } from "../db/reachable";
import { DatabaseNotConfiguredError } from "../context";
import { PortInUseError } from "./port";

const EXPECTED = [
  ConfigError,
  DataDirInUseError,
  DatabaseNotConfiguredError,
  DatabaseUnreachableError,
  MigrationChangedError,
  MigrationFailedError,
  PortInUseError,
];

/** One line for the operator: what is wrong, in words they can act on. */
export function formatStartupError(error: unknown): string {
  if (EXPECTED.some((type) => error instanceof type)) return `novavms: ${(error as Error).message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `novavms: failed to start: ${message.split("\n")[0]}`;
}
