/**
 * Entry of the bench's child processes (one per suite timing, profile and memory run, so no JIT
 * state, heap or patch of one leaks into another):
 *   tsx src/child.ts <timing|memory|profile|serializer> <json args> <result file>
 * The result is written as JSON to the file (stdout stays free for the peers' own logging).
 */
import { writeFileSync } from "node:fs";
import { benchSizes } from "./options";
import { serializerBench } from "./serializer";
import type { SuiteId } from "./suites";
import { memorySuite, profileSuite, timeSuite } from "./tasks";

interface ChildArgs {
  suite: SuiteId;
  quick?: boolean;
  key?: string;
  invocations?: number;
  outDir?: string;
}

async function main(): Promise<void> {
  const [task, json, resultFile] = process.argv.slice(2);
  if (!task || !json || !resultFile) throw new Error("usage: child.ts <timing|memory|profile|serializer> <json args> <result file>");
  const args = JSON.parse(json) as ChildArgs;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let result: unknown;
  if (task === "timing") result = await timeSuite(args.suite, benchSizes(args.quick === true), log);
  else if (task === "memory") result = await memorySuite(args.suite, args.key!, args.invocations!);
  else if (task === "serializer") result = serializerBench(args.quick === true);
  else if (task === "profile") result = await profileSuite(args.suite, args.key!, args.invocations!, args.outDir);
  else throw new Error(`unknown task ${task}`);
  writeFileSync(resultFile, JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
