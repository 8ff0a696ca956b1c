import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Dateline } from './dateline.tsx';

describe('Dateline', () => {
  it('says nothing of an update seconds after publication, which its minutes cannot show', () => {
    render(<Dateline published="2019-01-02T08:19:18+00:00" modified="2019-01-02T08:19:27+00:00" />);
    expect(screen.queryByText(/Updated/)).toBeNull();
  });

  it('names a later update with its own time', () => {
    render(<Dateline published="2019-01-02T08:19:18+00:00" modified="2019-01-02T10:05:00+00:00" />);
    expect(screen.getByText(/Updated/)).toHaveTextContent(/^Updated .*2019/);
  });
});
