import Link from "next/link";
import { ConsoleNav } from "@/components/console/console-nav";
import { OperatorBanner } from "@/components/operator/operator-banner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";
import { signOutAction } from "./actions";
import { closeOrgAction, openOrgAction } from "./operator/actions";

// The signed-in shell around every console page. Pages and actions call requireUser()/asCaller()
// themselves as well: a layout is not re-run on client-side navigation between its pages.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <div className="flex min-w-0 items-baseline gap-2">
            <Link href="/deliveries" className="font-semibold whitespace-nowrap text-slate-900">
              NovaVMS Webhooks
            </Link>
            <span className="truncate text-sm text-slate-500" title="Organisation">
              {user.orgName}
            </span>
          </div>
          <div className="order-last w-full md:order-none md:w-auto">
            <ConsoleNav />
          </div>
          <div className="ml-auto flex min-w-0 items-center gap-2">
            <span className="max-w-[10rem] truncate text-sm text-slate-700 sm:max-w-[16rem]" title={user.email}>
              {user.email}
            </span>
            <Badge tone={user.role === "admin" ? "blue" : "neutral"}>{user.role}</Badge>
            <form action={signOutAction}>
              <Button type="submit" variant="ghost" size="sm">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      <OperatorBanner user={user} openAction={openOrgAction} closeAction={closeOrgAction} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
