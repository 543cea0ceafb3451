import { getDefaultFakeAccountModel, scoreAccounts } from '../src/discovery/fake-account-model.ts';
let t = performance.now();
const m = getDefaultFakeAccountModel();
console.log('train ms', (performance.now() - t).toFixed(0), 'thr', m.threshold, m.realMedians);
console.log(JSON.stringify(scoreAccounts(m, [
  { username: 'x_99213', followers: 12, following: 7400, posts: 0, hasProfilePicture: false, isPrivate: false },
  { username: 'anna.mueller', followers: 540, following: 380, posts: 120, hasProfilePicture: true, isPrivate: true },
]), null, 1));
