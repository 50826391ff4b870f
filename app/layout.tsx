import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "NovaVMS Webhooks", template: "%s · NovaVMS Webhooks" },
  description: "Signed webhook delivery for NovaVMS events, with a delivery log, Replay and secret rotation.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the Content-Security-Policy nonce (proxy.ts) is new each time,
  // and Next.js can only put it on the scripts of a page it renders now.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
