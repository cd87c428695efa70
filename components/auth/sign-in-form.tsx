'use client';

import { useActionState } from 'react';

export type SignInState = {
  email: string;
  /** Form-level message (wrong credentials, rate limit, outage). */
  error?: string;
  fieldErrors?: { email?: string; password?: string };
};

type Props = {
  action: (state: SignInState, formData: FormData) => Promise<SignInState>;
  next: string;
};

export function SignInForm({ action, next }: Props) {
  const [state, formAction, pending] = useActionState(action, { email: '' });
  const emailError = state.fieldErrors?.email;
  const passwordError = state.fieldErrors?.password;

  return (
    <form action={formAction} noValidate className="space-y-3.5">
      <input type="hidden" name="next" value={next} />
      {state.error ? (
        <div role="alert" id="sign-in-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {state.error}
        </div>
      ) : null}
      <div>
        <label htmlFor="email" className="mb-1 block text-[13px] font-medium text-zinc-800">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          defaultValue={state.email}
          key={state.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-error' : undefined}
          className="input"
        />
        {emailError ? (
          <p id="email-error" className="mt-1 text-sm text-red-700">
            {emailError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-[13px] font-medium text-zinc-800">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-error' : undefined}
          className="input"
        />
        {passwordError ? (
          <p id="password-error" className="mt-1 text-sm text-red-700">
            {passwordError}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className="btn btn-primary h-8 w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
