import type { LoggerService } from '@backstage/backend-plugin-api';

/** A logger that keeps what an action writes to the task log, to read it back in tests. */
export class RecordingLogger implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];

  error(message: string) {
    this.lines.push({ level: 'error', message });
  }
  warn(message: string) {
    this.lines.push({ level: 'warn', message });
  }
  info(message: string) {
    this.lines.push({ level: 'info', message });
  }
  debug(message: string) {
    this.lines.push({ level: 'debug', message });
  }
  child(): LoggerService {
    return this;
  }

  /** Every message of a level, in order. */
  messages(level: string): string[] {
    return this.lines.filter(l => l.level === level).map(l => l.message);
  }

  /** The whole log as text. */
  text(): string {
    return this.lines.map(l => `${l.level}: ${l.message}`).join('\n');
  }
}
