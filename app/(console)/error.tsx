"use client";

import { Button } from "@/components/ui/button";

// Unexpected failures only (user mistakes are answered inline by each form). Production builds
// pass no message or stack here, only a digest that matches the server log line.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-6 shadow-sm">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-700">
        This page could not be loaded. Try again; if it keeps failing, contact support
        {error.digest ? (
          <>
            {" "}
            and quote <code className="rounded bg-slate-100 px-1">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button className="mt-4" variant="primary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
