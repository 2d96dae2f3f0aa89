/** Messages are about processing (an unparseable date header), never findings (those are layers). */
export type Severity = 'error' | 'warning' | 'info';

export interface Message {
  severity: Severity;
  text: string;
  ruleId?: string;
  /** Offsets into the raw text when the message is about a place in the input. */
  start?: number;
  end?: number;
  actual?: string;
  /** The stage or reader that reported it, stamped by the runner. */
  source?: string;
}

export interface Reporter {
  error(text: string, details?: Omit<Message, 'severity' | 'text'>): void;
  warning(text: string, details?: Omit<Message, 'severity' | 'text'>): void;
  info(text: string, details?: Omit<Message, 'severity' | 'text'>): void;
}

export function collectMessages(into: Message[], source: string): Reporter {
  const push = (severity: Severity) => (text: string, details?: Omit<Message, 'severity' | 'text'>) => {
    into.push({ severity, text, ...details, source });
  };
  return { error: push('error'), warning: push('warning'), info: push('info') };
}
