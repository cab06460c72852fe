import { useId } from 'react';

/**
 * How each leg status is drawn: a fill colour and a pattern, so the status never rests on
 * colour alone (the legend and the text description say it in words as well).
 */
export const MAP_STATUS_STYLE: Record<string, { fill: string; ink: string; pattern: Pattern }> = {
  draft: { fill: '#f1f3f5', ink: '#868e96', pattern: 'dots' },
  pending: { fill: '#fff3bf', ink: '#e67700', pattern: 'diagonal' },
  info_requested: { fill: '#ffe8cc', ink: '#d9480f', pattern: 'dots' },
  escalated: { fill: '#e5dbff', ink: '#6741d9', pattern: 'cross' },
  approved: { fill: '#c3fae8', ink: '#087f5b', pattern: 'solid' },
  conditions: { fill: '#d3f9d8', ink: '#2b8a3e', pattern: 'horizontal' },
  denied: { fill: '#ffc9c9', ink: '#c92a2a', pattern: 'vertical' },
  withdrawn: { fill: '#e9ecef', ink: '#495057', pattern: 'cross' },
};

export type Pattern = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical';

export function PatternDef({ id, status }: { id: string; status: string }) {
  const style = MAP_STATUS_STYLE[status] ?? MAP_STATUS_STYLE.pending;
  const ink = { stroke: style.ink, strokeWidth: 1.2, strokeOpacity: 0.5 };
  return (
    <pattern id={id} width={8} height={8} patternUnits="userSpaceOnUse">
      <rect width={8} height={8} fill={style.fill} />
      {style.pattern === 'diagonal' ? <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...ink} /> : null}
      {style.pattern === 'dots' ? <circle cx={4} cy={4} r={1.4} fill={style.ink} fillOpacity={0.7} /> : null}
      {style.pattern === 'cross' ? <path d="M0,0 l8,8 M8,0 l-8,8" {...ink} strokeWidth={1} /> : null}
      {style.pattern === 'horizontal' ? <path d="M0,4 h8" {...ink} /> : null}
      {style.pattern === 'vertical' ? <path d="M4,0 v8" {...ink} /> : null}
    </pattern>
  );
}

/** A legend swatch: the same pattern as on the map, in a small square. */
export function StatusSwatch({ status }: { status: string }) {
  const id = `swatch-${useId().replace(/:/g, '')}`;
  const style = MAP_STATUS_STYLE[status] ?? MAP_STATUS_STYLE.pending;
  return (
    <svg width={18} height={14} aria-hidden style={{ flexShrink: 0 }}>
      <defs>
        <PatternDef id={id} status={status} />
      </defs>
      <rect x={0.5} y={0.5} width={17} height={13} rx={2} fill={`url(#${id})`} stroke={style.ink} />
    </svg>
  );
}
