import type { Metadata } from "next";
import { OrgFiguresTable } from "@/components/operator/org-figures-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireOperator } from "@/lib/auth/current-user";
import { getAppContext } from "@/lib/context";
import { listOrgFigures } from "@/lib/operator/org-figures";
import { openOrgAction } from "./actions";

export const metadata: Metadata = { title: "Organisations" };

export default async function OperatorPage() {
  const { caller } = await requireOperator();
  const orgs = await listOrgFigures(getAppContext(), caller);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Organisations"
        description="Every customer organisation on this platform, with the last 24 hours of deliveries."
      />
      <OrgFiguresTable orgs={orgs} openAction={openOrgAction} />
    </div>
  );
}
