import { InstructorView } from '../components/instructor-view';

/** `/instructor`: a server component that hands over to the client-side roster at once. */
export default function Instructor() {
  return <InstructorView />;
}
