"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/webhooks", label: "Webhooks" },
  { href: "/deliveries", label: "Deliveries" },
  { href: "/settings", label: "Settings" },
  { href: "/docs", label: "Docs" },
] as const;

/** The console's main navigation; the section of the current page has aria-current="page". */
export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-2 overflow-x-auto">
      <ul className="flex gap-1 px-2">
        {LINKS.map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-md px-3 py-1.5 text-sm font-medium ${
                  current ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
