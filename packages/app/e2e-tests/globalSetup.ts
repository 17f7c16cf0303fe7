/**
 * Before the first test: waits until the portal the run started (or reuses) has read the
 * example mesh, so that no test sees a catalog still empty. Runs after the web servers are up.
 */
const backend = 'http://localhost:7007';

async function productCount(): Promise<number> {
  const auth = await fetch(
    `${backend}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  if (!auth.ok) return 0;
  const token = (await auth.json()).backstageIdentity.token;
  const res = await fetch(`${backend}/api/data-mesh/products`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return res.ok ? (await res.json()).items.length : 0;
}

export default async function globalSetup() {
  const start = Date.now();
  for (;;) {
    const count = await productCount().catch(() => 0);
    // the example mesh: twelve products, of which the guest discovers eight at least
    if (count >= 8) return;
    if (Date.now() - start > 240_000)
      throw new Error(
        `the portal lists ${count} data products after 4 minutes: the example mesh did not load`,
      );
    await new Promise(resolve => setTimeout(resolve, 2_000));
  }
}
