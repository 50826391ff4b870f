"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type TabLink = {
  href: string;
  label: string;
  /** "exact" (default) matches only `href`; "prefix" also matches pages below it. */
  match?: "exact" | "prefix";
};

export type TabLinksProps = {
  tabs: readonly TabLink[];
  /** Accessible name of the tab bar, e.g. "Webhook sections". */
  label: string;
  /** The active tab's href; by default the one matching the current path. */
  current?: string;
};

/** Tabs that are plain links (each its own URL); the active one has aria-current="page". */
export function TabLinks({ tabs, label, current }: TabLinksProps) {
  const pathname = usePathname();
  const active = current ?? tabs.find((tab) => isActive(tab, pathname))?.href;
  return (
    <nav aria-label={label} className="-mx-1 mb-6 overflow-x-auto border-b border-slate-200">
      <ul className="flex min-w-max gap-1 px-1">
        {tabs.map((tab) => {
          const selected = tab.href === active;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={selected ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  selected
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function isActive(tab: TabLink, pathname: string): boolean {
  if (pathname === tab.href) return true;
  return tab.match === "prefix" && pathname.startsWith(`${tab.href}/`);
}
