import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "NovaVMS Webhooks", template: "%s · NovaVMS Webhooks" },
  description: "Signed webhook delivery for NovaVMS events, with a delivery log, Replay and secret rotation.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
