/**
 * The shapes the timex rules, the finder and anaphora resolution share. They live apart from all three
 * so that anaphora (itself a rule, and a pass over the finder's results) needs neither module.
 */
import type { TimexType } from '../../model/index.js';
import type { ResolveContext } from './resolve.js';

export interface TimexValue {
  type: TimexType;
  value: string;
  mod?: string;
}

export interface TimexRule {
  name: string;
  pattern: RegExp;
  build(match: RegExpExecArray, context: ResolveContext): TimexValue | undefined;
}

export interface TimexFinding {
  start: number;
  end: number;
  type: TimexType;
  value: string;
  mod?: string;
  rule: string;
}
