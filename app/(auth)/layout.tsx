import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <main className="w-full max-w-sm">{children}</main>
      <p className="mt-8 text-sm text-slate-600">
        <Link className="underline hover:text-slate-900" href="/docs">
          Documentation
        </Link>
      </p>
    </div>
  );
}
