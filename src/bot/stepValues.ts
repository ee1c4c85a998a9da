import type { WaterfallStepContext } from 'botbuilder-dialogs';

/** What waterfall steps hand to later steps of the same dialog. */
export interface StepValues {
  orderId?: string;
  orderNo?: string;
  customerId?: number;
}

export const valuesOf = (step: WaterfallStepContext): StepValues => step.values as StepValues;
