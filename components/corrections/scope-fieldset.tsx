'use client';

import { describedBy, Field, FieldError } from '@/components/ui/field';
import type { ScopeKind } from '@/lib/server/corrections/input';
import type { FieldErrors, FormValues, OriginMessage } from './form-values';

type Props = {
  values: FormValues;
  errors: FieldErrors;
  message: OriginMessage;
  onChange: (patch: Partial<FormValues>) => void;
};

type Option = { kind: ScopeKind; label: string; hint: string; needsApproval: boolean; needsRule?: boolean };

// Narrowest first: the list reads as a ladder of how much trust is being handed out.
const options: Option[] = [
  { kind: 'message', label: 'This exact message', hint: 'Only this message (by fingerprint); nothing else changes.', needsApproval: false },
  { kind: 'sender', label: 'Sender address', hint: 'Every message from this one address.', needsApproval: false },
  { kind: 'rule_sender', label: 'Suppress one rule for the sender address', hint: 'The rule stops counting for this address; other detectors still apply.', needsApproval: true, needsRule: true },
  { kind: 'rule_domain', label: 'Suppress one rule for the sender domain', hint: 'The rule stops counting for the domain and its subdomains.', needsApproval: true, needsRule: true },
  { kind: 'domain', label: 'Sender domain', hint: 'Every message from the domain and its subdomains.', needsApproval: true },
];

/** What the correction allows: one of five scopes, with the address, domain or rule it names. */
export function ScopeFieldset({ values, errors, message, onChange }: Props) {
  const kind = values.scopeKind;
  const noRules = message.firedRules.length === 0;
  const usesAddress = kind === 'sender' || kind === 'rule_sender';
  const usesDomain = kind === 'domain' || kind === 'rule_domain';
  const usesRule = kind === 'rule_sender' || kind === 'rule_domain';

  return (
    <fieldset className="space-y-3">
      <legend className="mb-1.5 text-[13px] font-medium text-zinc-800">Scope</legend>
      <div className="space-y-1" role="radiogroup" aria-describedby={describedBy('scopeKind', { error: errors.scopeKind })}>
        {options.map((o) => {
          const disabled = o.needsRule && noRules;
          return (
            <label
              key={o.kind}
              className={`flex items-start gap-2.5 rounded-md border px-2.5 py-1.5 ${
                kind === o.kind ? 'border-accent-500 bg-accent-50/60' : 'border-zinc-200'
              } ${disabled ? 'cursor-not-allowed opacity-60' : 'cursor-pointer hover:border-zinc-300'}`}
            >
              <input
                type="radio"
                name="scopeKind"
                value={o.kind}
                checked={kind === o.kind}
                disabled={disabled}
                onChange={() => onChange({ scopeKind: o.kind })}
                className="mt-[3px] accent-accent-600"
              />
              <span className="min-w-0">
                <span className="font-medium text-zinc-900">{o.label}</span>
                {o.needsApproval ? <span className="ml-2 text-xs text-amber-700">needs admin approval</span> : null}
                <span className="block text-sm text-zinc-500">
                  {disabled ? 'No rule raised the score of this message, so there is none to suppress.' : o.hint}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id="scopeKind" error={errors.scopeKind} />

      {usesRule ? (
        <div>
          <label htmlFor="ruleId" className="mb-1 block text-[13px] font-medium text-zinc-800">
            Rule to suppress
          </label>
          <select
            id="ruleId"
            value={values.ruleId}
            onChange={(e) => onChange({ ruleId: e.target.value })}
            aria-invalid={errors.ruleId ? true : undefined}
            aria-describedby={describedBy('ruleId', { hint: true, error: errors.ruleId })}
            className="input"
          >
            {message.firedRules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title} ({r.id}, +{r.contribution.toFixed(1)})
              </option>
            ))}
          </select>
          {!errors.ruleId ? (
            <p id="ruleId-hint" className="mt-1 text-sm text-zinc-500">
              Only rules that fired on this message are offered.
            </p>
          ) : null}
          <FieldError id="ruleId" error={errors.ruleId} />
        </div>
      ) : null}

      {usesAddress ? (
        <TextInput
          id="address"
          label="Sender address"
          value={values.address}
          error={errors.address}
          onChange={(address) => onChange({ address })}
          hint={values.address.trim().toLowerCase() !== message.fromAddress.toLowerCase() ? `The message came from ${message.fromAddress}.` : undefined}
        />
      ) : null}
      {usesDomain ? (
        <TextInput
          id="domain"
          label="Sender domain"
          value={values.domain}
          error={errors.domain}
          onChange={(domain) => onChange({ domain })}
          hint={`Covers ${values.domain.trim() || 'the domain'} and every subdomain. The message came from ${message.fromDomain}.`}
        />
      ) : null}
      {kind === 'message' ? (
        <div className="text-sm text-zinc-600">
          Fingerprint <span className="font-mono text-zinc-800">{values.fingerprint}</span>
          <FieldError id="fingerprint" error={errors.fingerprint} />
        </div>
      ) : null}
    </fieldset>
  );
}

type TextInputProps = { id: string; label: string; value: string; error?: string; hint?: string; onChange: (value: string) => void };

function TextInput({ id, label, value, error, hint, onChange }: TextInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        className="input font-mono"
      />
    </Field>
  );
}
