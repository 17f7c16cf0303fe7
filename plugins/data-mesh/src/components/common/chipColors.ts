import {
  darken,
  getContrastRatio,
  lighten,
  type Theme,
} from '@mui/material/styles';

/** The tones a status chip comes in. */
export type Tone = 'success' | 'error' | 'warning' | 'info' | 'default';

/** WCAG AA for normal (small) text. */
export const MIN_CONTRAST = 4.5;

/** A chip's text, background and border colours. */
export interface ChipColors {
  color: string;
  backgroundColor: string;
  borderColor: string;
}

function baseColor(theme: Theme, tone: Tone): string {
  if (tone === 'default') return theme.palette.grey[500];
  return theme.palette[tone].main;
}

/**
 * The colours of a chip of `tone` in the theme: a tint of the tone as background, and the
 * tone darkened (light theme) or lightened (dark theme) just enough for its text to reach
 * {@link MIN_CONTRAST} against that background. Computed, not picked, so a theme with other
 * status colours still gets readable chips.
 */
export function chipColors(theme: Theme, tone: Tone): ChipColors {
  const dark = theme.palette.mode === 'dark';
  const base = baseColor(theme, tone);
  const paper = theme.palette.background.paper;
  const tint = dark ? darken(base, 0.7) : lighten(base, 0.88);
  const backgroundColor = tone === 'default' ? paper : tint;
  const shift = dark ? lighten : darken;
  let color = base;
  for (
    let amount = 0;
    amount <= 1 && getContrastRatio(color, backgroundColor) < MIN_CONTRAST;
    amount += 0.05
  ) {
    color = shift(base, amount);
  }
  return {
    color,
    backgroundColor,
    borderColor: tone === 'default' ? theme.palette.divider : color,
  };
}
