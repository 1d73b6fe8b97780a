"use client";

import { useSyncExternalStore } from "react";
import { createBrowserFunctionRunner } from "@/lib/functions/browser-runner";
import type { FunctionRunner, RunnerStatus } from "@/lib/functions/types";

// One warm Python worker per page, shared by every editor panel (page, flow canvas, simulator).
let runner: FunctionRunner | null = null;

export function browserRunner(): FunctionRunner {
  runner ??= createBrowserFunctionRunner();
  return runner;
}

const IDLE: RunnerStatus = { state: "idle", stage: null, startupMs: null, message: null };

export function useRunnerStatus(): RunnerStatus {
  return useSyncExternalStore(
    (onChange) => browserRunner().onStatus(onChange),
    () => browserRunner().status(),
    () => IDLE,
  );
}
