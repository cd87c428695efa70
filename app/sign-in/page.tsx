import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { LogoMark } from '@/components/ui/icons';
import { getSession } from '@/lib/server/auth';
import { signInAction } from './actions';
import { safeNextPath } from './safe-next-path';

export const metadata: Metadata = { title: 'Sign in · Triage' };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-[340px]">
        <div className="mb-6 flex items-center gap-2">
          <LogoMark className="size-6 text-accent-600" />
          <span className="text-[15px] font-semibold tracking-tight">Triage</span>
        </div>
        <div className="panel p-6 shadow-sm">
          <h1 className="text-md font-semibold text-zinc-900">Sign in to the console</h1>
          <p className="mt-0.5 mb-5 text-zinc-500">Use your company account.</p>
          <SignInForm action={signInAction} next={next} />
        </div>
        <p className="mt-4 text-center text-sm text-zinc-500">
          Access is granted per tenant by an administrator.
        </p>
      </div>
    </main>
  );
}
