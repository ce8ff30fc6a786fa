import { CompareLab } from '../components/compare/compare-lab';

/** `/compare`: a server component that hands over to the client-side benchmark at once. */
export default function ComparePage() {
  return <CompareLab />;
}
