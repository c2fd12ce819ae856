// Webhooks in the runtime that receives them: every signature case of the shared table, and a
// signed event that crossed the network verified from the raw bytes the platform hands over.
import { constructEvent, generateTestHeader, verifyWebhookSignature } from '../../../generated/index.js';
import { PAYLOAD, SECRET, WEBHOOK_CASES, runWebhookCase } from '../../runtime/webhook-cases.js';
import { equal } from './check.js';
import type { Behaviour } from './context.js';

export const WEBHOOKS: readonly Behaviour[] = [
  {
    name: 'webhooks',
    async run({ session }) {
      const api = { verifyWebhookSignature, generateTestHeader };
      const failures = await Promise.all(WEBHOOK_CASES.map((c) => runWebhookCase(api, c)));
      equal(failures.filter((f) => f !== null), [], `the ${WEBHOOK_CASES.length} signature cases`);

      // The event as it arrives: bytes and a header through the platform's own fetch, body unparsed.
      const header = await generateTestHeader({ payload: PAYLOAD, secret: SECRET });
      const s = await session([{ headers: { 'stripe-signature': header }, body: PAYLOAD }]);
      const delivered = await fetch(`${s.baseUrl}/webhooks/stripe`);
      const event = await constructEvent(await delivered.arrayBuffer(), delivered.headers.get('stripe-signature'), SECRET);
      if (event.type !== 'financial_connections.account.refreshed_balance') throw new Error(`event type ${event.type}`);
      // Narrowed by its type: data.object is a FinancialConnectionsAccount.
      equal([event.id, event.data.object.id, event.data.object.institution_name], ['evt_1', 'fca_1', 'Bänk ✓'], 'the event');
    },
  },
];
