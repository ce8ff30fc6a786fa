import { LessonPage } from '../components/lesson/lesson-page';

/** `/lesson`: a server component that hands over to the client-side lesson at once. */
export default function Lesson() {
  return <LessonPage />;
}
