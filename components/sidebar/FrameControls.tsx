import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { FRAME_MAX_WIDTH, FRAME_MIN_WIDTH } from '../../utils/messaging/protocol';
import { applyLayout, loadLayout, onFrameToggle, type Layout } from '../../utils/messaging/client';
import { t } from '../../utils/i18n';

export const DEFAULT_LAYOUT: Layout = { collapsed: false, width: 360 };

/** The docked frame's layout for a webmail tab, remembered per site. */
export function useFrameLayout(tabId: number | undefined, site: string | null) {
  const [layout, setLayout] = useState<Layout>(DEFAULT_LAYOUT);
  useEffect(() => {
    if (!site || tabId === undefined) return;
    void loadLayout(site).then((stored) => {
      if (!stored) return;
      setLayout(stored);
      void applyLayout(tabId, site, stored).catch(() => undefined);
    });
  }, [tabId, site]);
  const update = (next: Layout) => {
    setLayout(next);
    if (site && tabId !== undefined) void applyLayout(tabId, site, next).catch(() => undefined);
  };
  // The keyboard shortcut toggles the docked frame.
  useEffect(() => {
    if (!site || tabId === undefined) return;
    return onFrameToggle(tabId, () =>
      setLayout((current) => {
        const next = { ...current, collapsed: !current.collapsed };
        void applyLayout(tabId, site, next).catch(() => undefined);
        return next;
      }),
    );
  }, [tabId, site]);
  return [layout, update] as const;
}

const clamp = (width: number) => Math.max(FRAME_MIN_WIDTH, Math.min(FRAME_MAX_WIDTH, Math.round(width)));

/** Collapse button and a resize handle (drag, or arrow keys) on the frame's left edge. */
export function FrameControls({ layout, onChange }: { layout: Layout; onChange(layout: Layout): void }) {
  const drag = useRef<{ x: number; width: number } | undefined>(undefined);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.screenX, width: layout.width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    // The frame grows to the left: moving the pointer left widens it.
    onChange({ collapsed: false, width: clamp(drag.current.width + (drag.current.x - e.screenX)) });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 40 : 10;
    if (e.key === 'ArrowLeft') onChange({ collapsed: false, width: clamp(layout.width + step) });
    else if (e.key === 'ArrowRight') onChange({ collapsed: false, width: clamp(layout.width - step) });
  };
  return (
    <>
      <div
        className="resize-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('resize')}
        aria-valuemin={FRAME_MIN_WIDTH}
        aria-valuemax={FRAME_MAX_WIDTH}
        aria-valuenow={layout.width}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = undefined)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="button button--small button--ghost"
        data-testid="sidebar-collapse"
        aria-label={t('collapse')}
        title={t('collapse')}
        onClick={() => onChange({ ...layout, collapsed: true })}
      >
        ⟩
      </button>
    </>
  );
}

/** The slim handle shown while collapsed. */
export function ExpandHandle({ layout, onChange }: { layout: Layout; onChange(layout: Layout): void }) {
  return (
    <button
      type="button"
      className="expand-handle"
      data-testid="sidebar-expand"
      aria-label={t('expand')}
      title={t('expand')}
      onClick={() => onChange({ ...layout, collapsed: false })}
    >
      ⟨
    </button>
  );
}
