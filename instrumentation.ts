// Next calls register() once per server process. The expiry sweeper marks corrections whose
// time ran out and re-scores what they released; it also resumes re-score runs a restart cut short.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startExpirySweeper } = await import('@/lib/server/corrections/sweeper');
  startExpirySweeper();
}
