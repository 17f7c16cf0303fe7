import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openAs, saveScreenshot, waitForProduct } from './support';

/** The command of the README's "Try a push" section, as a reader would paste it. */
function readmePushCommand(): string {
  const readme = fs.readFileSync(
    path.resolve(__dirname, '../../../README.md'),
    'utf8',
  );
  const section = readme.split(/^## Try a push$/m)[1];
  const command = section?.match(/```bash\n([\s\S]*?)```/)?.[1];
  if (!command)
    throw new Error('README.md has no bash block under "## Try a push"');
  return command;
}

test("the README's push, with the local portal's demo pipeline token, shows on the product's SLO tab", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await waitForProduct(request, 'component:default/sales-orders');
  const answer = execFileSync('bash', ['-c', readmePushCommand()], {
    encoding: 'utf8',
  });
  // the backend answers with what it stored
  expect(JSON.parse(answer)).toMatchObject({
    entityRef: 'component:default/sales-orders',
    accepted: 1,
    duplicate: false,
  });
  // Sam of Sales owns sales-orders, so its SLO values are shown to him
  await openAs(
    page,
    '/catalog/default/component/sales-orders/slos',
    'sam-sales',
  );
  const slos = page.getByRole('table', { name: 'Service level objectives' });
  const duplicates = slos
    .getByRole('row')
    .filter({ hasText: /duplicate values in orders\.order_id/i });
  await expect(duplicates.getByText('Fail', { exact: true })).toBeVisible();
  await expect(duplicates).toContainText('3');
  await saveScreenshot(page, 'readme-push-on-slo-tab');
});
