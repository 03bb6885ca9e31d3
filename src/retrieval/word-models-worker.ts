/** Worker thread entry: learns the word models from `workerData` and posts back their state. */
import { parentPort, workerData } from "node:worker_threads";
import { learnWordModels, stateOf, type WordModelsInput } from "./word-models.ts";

parentPort?.postMessage(stateOf(learnWordModels(workerData as WordModelsInput)));
