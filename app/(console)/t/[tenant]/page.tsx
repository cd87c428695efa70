import { redirect } from 'next/navigation';

type Props = { params: Promise<{ tenant: string }> };

export default async function TenantIndex({ params }: Props) {
  const { tenant } = await params;
  redirect(`/t/${tenant}/messages`);
}
