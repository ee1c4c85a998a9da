/** How each intent reads in a sentence ("Do you want to … or …?") and on a button. */
const PHRASES: Record<string, string> = {
  greeting: 'say hello',
  goodbye: 'say goodbye',
  thanks: 'say thanks',
  help: 'see what I can do',
  search_products: 'find a product',
  recommend: 'get recommendations',
  deals: 'see deals and discounts',
  product_info: 'know more about a product',
  compare: 'compare products',
  add_to_cart: 'add something to your cart',
  view_cart: 'see your cart',
  checkout: 'check out',
  order_status: 'track an order',
  cancel_order: 'cancel an order',
  return_refund: 'return something or get a refund',
  shipping_info: 'ask about delivery',
  payment: 'ask about payment',
  account_help: 'get help with your account',
  complaint: 'make a complaint',
  human_agent: 'talk to a person',
  feedback: 'leave feedback',
  out_of_scope: 'talk about something else',
};

/** The customer intents, exactly as DESIGN.md names them. */
export const INTENTS = Object.keys(PHRASES);

export function describeIntent(intent: string): string {
  return PHRASES[intent] ?? intent.replace(/_/g, ' ');
}

/** The intent whose phrase is exactly this text (a clicked clarification button), if any. */
export function intentForPhrase(text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  return Object.keys(PHRASES).find((intent) => PHRASES[intent] === wanted);
}
