import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DEFAULT_AFTER_SIGN_IN } from "@/lib/auth/next-path";

// No landing page: signed-in users go to the delivery log, everyone else to sign-in.
export default async function HomePage() {
  redirect((await getCurrentUser()) ? DEFAULT_AFTER_SIGN_IN : "/sign-in");
}
