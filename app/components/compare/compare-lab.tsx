'use client';

import { useScenarioUrl } from '../../hooks/use-scenario-url';
import { useMessages } from '../../messages/messages-provider';
import { PageHeader } from '../page-header';
import { CompareBench } from './compare-bench';

/** `/compare`: the scenario from the URL, the benchmark form, and the measured results. */
export function CompareLab() {
  const messages = useMessages();
  const [scenario, setScenario] = useScenarioUrl();
  return (
    <main className="mx-auto flex max-w-[120rem] flex-col gap-4 p-4">
      <PageHeader title={messages.compare.heading} intro={messages.compare.intro} current="compare" />
      {scenario && <CompareBench scenario={scenario} onChange={setScenario} />}
    </main>
  );
}
