import type { TurnContext } from 'botbuilder';

/**
 * What the bot knows about one message before any dialog runs. The NLU in src/nlu produces it;
 * the bot stores it on the turn so every dialog reads the same analysis.
 */
export interface Understanding {
  text: string;
  intent: string;
  confidence: number;
  alternatives: { intent: string; confidence: number }[];
  needsClarification?: boolean;
  entities: object;
  sentiment: { label: 'positive' | 'neutral' | 'negative'; score: number; strongNegative?: boolean };
}

export interface UnderstandContext {
  lastIntent?: string;
  expecting?: string;
}

export type Understand = (text: string, context?: UnderstandContext) => Understanding;

const KEY = Symbol('shopmate.understanding');

export function setUnderstanding(context: TurnContext, understanding: Understanding): void {
  context.turnState.set(KEY, understanding);
}

export function getUnderstanding(context: TurnContext): Understanding | undefined {
  return context.turnState.get(KEY);
}
