import { themes } from '@backstage/theme';
import { getContrastRatio, type Theme } from '@mui/material/styles';
import { chipColors, MIN_CONTRAST, type Tone } from './chipColors';

const TONES: Tone[] = ['success', 'error', 'warning', 'info', 'default'];

describe('chipColors', () => {
  for (const mode of ['light', 'dark'] as const) {
    const theme = themes[mode].getTheme('v5') as Theme;
    it.each(TONES)(
      `gives %s chips text of at least 4.5:1 in the ${mode} theme`,
      tone => {
        const { color, backgroundColor } = chipColors(theme, tone);
        expect(getContrastRatio(color, backgroundColor)).toBeGreaterThanOrEqual(
          MIN_CONTRAST,
        );
      },
    );
  }

  it('keeps the tones apart: an error chip is not coloured like a success chip', () => {
    const theme = themes.light.getTheme('v5') as Theme;
    expect(chipColors(theme, 'error').backgroundColor).not.toBe(
      chipColors(theme, 'success').backgroundColor,
    );
  });
});
