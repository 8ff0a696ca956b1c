import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LinkTargetSchema } from './article.ts';

const issueOf = (url: string) => {
  const result = v.safeParse(LinkTargetSchema, { kind: 'external', url });
  return result.success ? undefined : result.issues[0]?.message;
};

describe('hostile source: article JSON whose links would run or open something on the device', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'JAVASCRIPT:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://example.org/0b1c',
  ])('refuses a link to %s', (url) => {
    expect(issueOf(url)).toBe('must be an http(s) or mailto URL');
  });
});

describe('an external link target', () => {
  it.each(['https://www.un.org/', 'http://example.org/a_(b)?c=1', 'mailto:desk@example.org'])(
    'accepts %s',
    (url) => {
      expect(issueOf(url)).toBeUndefined();
    },
  );
});
