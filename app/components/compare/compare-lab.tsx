'use client';

import { useScenarioUrl } from '../../hooks/use-scenario-url';
import { useMessages } from '../../messages/messages-provider';
import { ViewNav } from '../view-nav';
import { CompareBench } from './compare-bench';

/** `/compare`: the scenario from the URL, the benchmark form, and the measured results. */
export function CompareLab() {
  const messages = useMessages();
  const [scenario, setScenario] = useScenarioUrl();
  return (
    <main className="mx-auto flex max-w-[120rem] flex-col gap-4 p-4">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0 flex-1">
          <h1 className="text-3xl font-bold text-slate-900">{messages.compare.heading}</h1>
          <p className="mt-1 max-w-4xl text-lg text-slate-700">{messages.compare.intro}</p>
        </div>
        <ViewNav current="compare" />
      </header>
      {scenario && <CompareBench scenario={scenario} onChange={setScenario} />}
    </main>
  );
}
