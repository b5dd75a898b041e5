import { useState } from 'react';
import { takeFlash } from '../lib/flash';
import { Notice } from './Notice';

/** Shows the message the previous page left (for example after a form was saved). */
export function FlashNotice() {
  const [message] = useState(takeFlash);
  return message ? <Notice tone="success">{message}</Notice> : null;
}
