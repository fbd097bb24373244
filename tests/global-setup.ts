// Placeholder global setup; replaced once the shared test index exists.
export default function setup(): void {}
