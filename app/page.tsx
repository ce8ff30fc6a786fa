import { TransportLab } from './components/transport-lab';

/** `/`: a server component that hands over to the client-side lab at once. */
export default function HomePage() {
  return <TransportLab />;
}
