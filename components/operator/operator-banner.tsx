import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { SessionUser } from "@/lib/auth/sessions";

/**
 * Shown to a platform operator on every console page: a way back to the organisations, and while
 * a customer's org is open, whose it is and whether they are only reading it.
 */
export function OperatorBanner({
  user,
  openAction,
  closeAction,
}: {
  user: SessionUser;
  openAction: (formData: FormData) => Promise<void>;
  closeAction: () => Promise<void>;
}) {
  if (!user.isOperator) return null;
  return (
    <div role="region" aria-label="Operator" className="border-b border-amber-200 bg-amber-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2 text-sm text-amber-900">
        {user.actingInOrg ? (
          <>
            <span>
              Operator view of <strong>{user.orgName}</strong>
              {user.role === "admin" ? " — acting as admin (audited)" : " — read-only"}
            </span>
            {user.role !== "admin" ? (
              <form action={openAction}>
                <input type="hidden" name="orgId" value={user.orgId} />
                <input type="hidden" name="as" value="admin" />
                <Button type="submit" size="sm" variant="secondary">
                  Act as admin
                </Button>
              </form>
            ) : null}
            <form action={closeAction} className="ml-auto">
              <Button type="submit" size="sm" variant="ghost">
                Back to organisations
              </Button>
            </form>
          </>
        ) : (
          <Link href="/operator" className="font-medium underline">
            Organisations (operator view)
          </Link>
        )}
      </div>
    </div>
  );
}
