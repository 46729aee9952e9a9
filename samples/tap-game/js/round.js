// One round: bubbles rise from the bottom at random places and speeds; a tap inside one pops it for a point.
import { seeded } from './random.js';

const SPAWN_EVERY = 0.45;

export class Round {
  constructor({ width, height, seconds, seed }) {
    this.width = width;
    this.height = height;
    this.left = seconds;
    this.score = 0;
    this.bubbles = [];
    this.random = seeded(seed);
    this.untilSpawn = 0;
  }

  get over() { return this.left <= 0; }

  /** Moves everything on by dt seconds of play. */
  update(dt) {
    this.left = Math.max(0, this.left - dt);
    this.untilSpawn -= dt;
    while (this.untilSpawn <= 0) {
      this.spawn();
      this.untilSpawn += SPAWN_EVERY;
    }
    for (const bubble of this.bubbles) bubble.y -= bubble.speed * dt;
    this.bubbles = this.bubbles.filter((bubble) => bubble.y + bubble.radius > 0);
  }

  spawn() {
    const radius = 28 + this.random() * 14;
    this.bubbles.push({
      x: radius + this.random() * (this.width - 2 * radius),
      y: this.height + radius,
      radius,
      speed: this.height / (3 + this.random() * 3),
    });
  }

  /** Pops the bubble on top at (x, y), if any: true when one popped. */
  tap(x, y) {
    for (let i = this.bubbles.length - 1; i >= 0; i--) {
      const bubble = this.bubbles[i];
      if (Math.hypot(bubble.x - x, bubble.y - y) <= bubble.radius) {
        this.bubbles.splice(i, 1);
        this.score++;
        return true;
      }
    }
    return false;
  }
}
