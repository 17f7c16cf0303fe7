import '@testing-library/jest-dom';

// jsdom implements neither ResizeObserver nor the 2D canvas. Give components what a
// browser without them would: an observer that never reports, and no drawing context
// (the lineage canvas then draws nothing, and its events and controls still work).
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (typeof window !== 'undefined') {
  (window as any).ResizeObserver ??= NoResizeObserver;
  HTMLCanvasElement.prototype.getContext = (() => null) as any;
}
