import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: { default: "Docs", template: "%s · Docs · NovaVMS Webhooks" } };

const LINKS = [
  { href: "/docs", label: "Overview" },
  { href: "/docs/webhook-signing", label: "Webhook signing" },
  { href: "/docs/api", label: "API" },
  { href: "/docs/error-codes", label: "Error codes" },
  { href: "/docs/troubleshooting", label: "Troubleshooting" },
];

// Public: receiver developers read these without an account.
export default function DocsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-white">
      <header className="border-b border-slate-200">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/docs" className="font-semibold text-slate-900">
            NovaVMS Webhooks <span className="font-normal text-slate-500">Docs</span>
          </Link>
          <nav aria-label="Docs" className="order-last w-full overflow-x-auto md:order-none md:w-auto">
            <ul className="flex gap-4 text-sm whitespace-nowrap">
              {LINKS.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="text-slate-700 hover:text-slate-900 hover:underline">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <Link href="/" className="ml-auto text-sm font-medium text-brand-700 hover:underline">
            Open the console →
          </Link>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </div>
  );
}
