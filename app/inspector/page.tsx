import { InspectorView } from '../components/inspector/inspector-view';

/** `/inspector[?follow=<message id>]`: a server component that hands over to the client-side live log at once. */
export default async function Inspector({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { follow } = await searchParams;
  return <InspectorView initialFollow={typeof follow === 'string' && follow !== '' ? follow : undefined} />;
}
