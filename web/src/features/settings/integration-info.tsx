import type { ReactNode } from 'react';
import type { Provider } from './types.ts';

type Info = { name: string; what: string; steps: ReactNode; secretLabel?: string; secretHint?: string };

/** What each integration does and where its settings live on the other side. */
export const PROVIDERS: Record<Provider, Info> = {
  stripe: {
    name: 'Stripe',
    what: 'Records sales from Stripe Checkout and invoices (subscriptions too), and refunds and disputes, from Stripe’s signed webhooks.',
    steps: (
      <>
        In the Stripe Dashboard open <em>Developers → Webhooks → Add endpoint</em>, paste the webhook URL below and select <code>checkout.session.completed</code>,{' '}
        <code>checkout.session.async_payment_succeeded</code>, <code>invoice.paid</code>, <code>charge.refunded</code> and <code>charge.dispute.created</code>. Then
        reveal the endpoint’s signing secret (<code>whsec_…</code>) and paste it here. Pass the click id as Checkout <code>client_reference_id</code> or in metadata.
      </>
    ),
    secretLabel: 'Stripe signing secret',
    secretHint: 'The endpoint’s “Signing secret”, starting with whsec_.',
  },
  shopify: {
    name: 'Shopify',
    what: 'Records paid Shopify orders and their refunds; the click id is read from the order’s landing page URL.',
    steps: (
      <>
        In Shopify admin open <em>Settings → Notifications → Webhooks</em> (or your custom app), create webhooks in JSON format for <code>Order creation</code>,{' '}
        <code>Order payment</code> and <code>Refund create</code> pointing to the URL below, then paste the signing secret shown under the webhook list (or the app’s
        API secret key) here.
      </>
    ),
    secretLabel: 'Shopify webhook signing secret',
    secretHint: 'Shown under the webhook list (“Your webhooks will be signed with …”), or your app’s API secret key.',
  },
  woocommerce: {
    name: 'WooCommerce',
    what: 'Records processing and completed WooCommerce orders and their refunds.',
    steps: (
      <>
        In WordPress open <em>WooCommerce → Settings → Advanced → Webhooks → Add webhook</em>, choose the topics <code>Order created</code> and{' '}
        <code>Order updated</code>, paste the delivery URL below, type a secret of your choice in <em>Secret</em> and paste the same secret here.
      </>
    ),
    secretLabel: 'WooCommerce webhook secret',
    secretHint: 'The “Secret” you typed in the WooCommerce webhook.',
  },
  postback: {
    name: 'Postback URL',
    what: 'For platforms that can only call a URL when an order happens (server-to-server): GET or POST with the order as parameters.',
    steps: (
      <>
        Parameters: <code>type</code> (sale, lead or refund), <code>order_id</code>, <code>amount</code> (decimal, e.g. 19.99), <code>currency</code>,{' '}
        <code>click_id</code>, <code>coupon</code>, <code>customer_id</code>, <code>email</code>. Optionally sign: <code>sig</code> = hex HMAC-SHA256 with the signing
        secret over the other parameters as <code>key=value</code> sorted by key and joined with <code>&amp;</code>.
      </>
    ),
  },
  snippet: {
    name: 'JavaScript snippet',
    what: 'For shops without a webhook: a small script on your site keeps the click id in a first-party cookie and reports leads and sales from the browser.',
    steps: (
      <>
        Put the <code>&lt;script&gt;</code> tag on every page of your shop (before <code>&lt;/body&gt;</code>), then on the thank-you page call{' '}
        <code>advocate.track('sale', {'{'} orderId: 'A-1001', amount: 4999, currency: 'USD' {'}'})</code> (amount in minor units) or{' '}
        <code>advocate.track('lead', {'{'} orderId: 'signup-42' {'}'})</code>. Browser-reported conversions face the same fraud checks; prefer a webhook when you have one.
      </>
    ),
  },
};

export const PROVIDER_ORDER: Provider[] = ['stripe', 'shopify', 'woocommerce', 'postback', 'snippet'];
