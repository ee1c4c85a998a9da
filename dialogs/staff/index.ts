import type { StaffCommandName } from '../../src/bot/staffCommand';
import type { StaffCommandDialog } from './staffDialog';
import { ReportDialog } from './reportDialog';
import { HandoffsDialog } from './handoffsDialog';
import { PromoDialog } from './promoDialog';
import { SegmentsDialog } from './segmentsDialog';
import { RepriceDialog } from './repriceDialog';
import { ForecastDialog } from './forecastDialog';
import { StockDialog } from './stockDialog';

/** Every staff command and the dialog that runs it. */
export const STAFF_COMMAND_DIALOGS: Partial<Record<StaffCommandName, StaffCommandDialog>> = {
  report: ReportDialog,
  handoffs: HandoffsDialog,
  promo: PromoDialog,
  segments: SegmentsDialog,
  reprice: RepriceDialog,
  forecast: ForecastDialog,
  stock: StockDialog,
};
