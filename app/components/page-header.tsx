'use client';
import { ViewNav, type ViewId } from './view-nav';

/** A view's title, one line of introduction, and the header controls every page shares. */
export function PageHeader({ title, intro, current }: { title: string; intro: string; current: ViewId }) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0 flex-1">
        <h1 className="text-3xl font-bold text-slate-900">{title}</h1>
        <p className="mt-1 max-w-4xl text-lg text-slate-700">{intro}</p>
      </div>
      <ViewNav current={current} />
    </header>
  );
}
