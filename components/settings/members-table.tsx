import { ConsoleTable } from "@/components/ui/console-table";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { ActionState } from "@/lib/forms/action-state";
import type { Member } from "@/lib/org/queries";
import { MemberActions } from "./member-actions";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type MembersTableProps = {
  members: Member[];
  currentUserId: string;
  /** Given to admins only: without them the table is read-only. */
  actions?: { changeRole: FormAction; remove: FormAction };
};

export function MembersTable({ members, currentUserId, actions }: MembersTableProps) {
  return (
    <ConsoleTable
      caption="Members of your organisation"
      columns={["Email", "Name", "Role", "Added", actions ? "Change" : null]}
      minWidth="min-w-[36rem]"
    >
      {members.map((member) => (
        <tr key={member.id} className="align-top">
          <th scope="row" className="px-4 py-3 font-medium break-all sm:px-2">
            {member.email}
            {member.id === currentUserId ? (
              <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>
            ) : null}
          </th>
          <td className="px-2 py-3">{member.name || <span className="text-slate-400">—</span>}</td>
          <td className="px-2 py-3">
            <Badge tone={member.role === "admin" ? "blue" : "neutral"}>{member.role}</Badge>
          </td>
          <td className="px-2 py-3 whitespace-nowrap">
            <Time value={member.createdAt} />
          </td>
          {actions ? (
            <td className="px-2 py-3">
              <MemberActions member={member} changeRole={actions.changeRole} remove={actions.remove} />
            </td>
          ) : null}
        </tr>
      ))}
    </ConsoleTable>
  );
}
