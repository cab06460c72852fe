import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A deep navy, calm and institutional; shade 8 is the primary. */
const navy: MantineColorsTuple = [
  '#eef2f7',
  '#dbe2ec',
  '#b3c2d6',
  '#889fbf',
  '#6482ac',
  '#4d6fa0',
  '#40649b',
  '#325387',
  '#264673',
  '#1b365d',
];

const fontFamily = "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const theme = createTheme({
  colors: { navy },
  primaryColor: 'navy',
  primaryShade: 8,
  fontFamily,
  headings: { fontFamily, fontWeight: '600' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Modal: { defaultProps: { centered: true, radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
  },
});
